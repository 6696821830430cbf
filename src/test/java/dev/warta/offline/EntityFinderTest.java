package dev.warta.offline;

import dev.warta.article.Glossary;
import dev.warta.article.NamedEntity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFinderTest {

    private final EntityFinder finder = new EntityFinder(
            Lexicon.of(Map.of("rusia", "Russia|pn", "banjir", "flood|n", "presiden", "president|n",
                    "penyidik", "investigator|n")),
            Glossary.of(Map.of("KPK", "Corruption Eradication Commission (KPK)")));

    @Test
    void findsPeopleOrganisationsAndPlacesWithTheirEnglish() {
        List<NamedEntity> entities = finder.find(List.of(
                "Banjir melanda Cibeber. Presiden Joko Widodo meninjau lokasi bersama Kementerian Sosial.",
                "Penyidik KPK memeriksa saksi di Surabaya, kata Budi Santoso. Rusia mengirim bantuan."));

        assertThat(entities).contains(
                new NamedEntity("Joko Widodo", "Joko Widodo", "PERSON"),
                new NamedEntity("Kementerian Sosial", "Kementerian Sosial", "ORGANIZATION"),
                new NamedEntity("KPK", "Corruption Eradication Commission (KPK)", "ORGANIZATION"),
                new NamedEntity("Surabaya", "Surabaya", "PLACE"),
                new NamedEntity("Budi Santoso", "Budi Santoso", "PERSON"),
                new NamedEntity("Rusia", "Russia", "PLACE"));
        // A capitalised common word at the start of a sentence is not a name.
        assertThat(entities).extracting(NamedEntity::name).doesNotContain("Banjir", "Presiden", "Penyidik");
    }

    @Test
    void mostMentionedComeFirst() {
        List<NamedEntity> entities = finder.find(List.of(
                "Warga Bogor bertemu Andi. Andi lalu pergi. Kata Andi, hujan turun."));

        assertThat(entities.get(0).name()).isEqualTo("Andi");
    }
}
