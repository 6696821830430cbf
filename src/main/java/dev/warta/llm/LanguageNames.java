package dev.warta.llm;

import java.util.Locale;

/** Maps a target language setting ({@code en}, {@code English}, {@code fr}) to the name a prompt uses and its code. */
final class LanguageNames {

    private LanguageNames() {
    }

    /** English name of the language for prompts: {@code en} → {@code English}; a full name is kept. */
    static String name(String setting) {
        if (setting.length() <= 3) {
            String name = Locale.forLanguageTag(setting).getDisplayLanguage(Locale.ENGLISH);
            return name.isEmpty() ? setting : name;
        }
        return setting;
    }

    /** ISO 639-1 code of the language: {@code English} → {@code en}. */
    static String code(String nameOrCode) {
        if (nameOrCode.length() <= 3) {
            return nameOrCode.toLowerCase(Locale.ROOT);
        }
        for (String code : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(nameOrCode)) {
                return code;
            }
        }
        return nameOrCode.toLowerCase(Locale.ROOT);
    }
}
