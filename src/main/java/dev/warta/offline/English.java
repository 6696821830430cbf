package dev.warta.offline;

import java.util.Map;

/** Just enough English inflection for a gist: plurals, past participles, superlatives. */
final class English {

    private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("child", "children"), Map.entry("person", "people"), Map.entry("man", "men"),
            Map.entry("woman", "women"), Map.entry("foot", "feet"), Map.entry("tooth", "teeth"),
            Map.entry("mouse", "mice"), Map.entry("life", "lives"), Map.entry("wife", "wives"),
            Map.entry("knife", "knives"), Map.entry("leaf", "leaves"), Map.entry("policeman", "policemen"),
            Map.entry("fisherman", "fishermen"), Map.entry("people", "people"), Map.entry("police", "police"),
            Map.entry("sheep", "sheep"), Map.entry("fish", "fish"), Map.entry("news", "news"),
            Map.entry("data", "data"), Map.entry("crisis", "crises"), Map.entry("analysis", "analyses"));

    private static final Map<String, String> IRREGULAR_PARTICIPLES = Map.ofEntries(
            Map.entry("build", "built"), Map.entry("make", "made"), Map.entry("take", "taken"),
            Map.entry("give", "given"), Map.entry("see", "seen"), Map.entry("say", "said"), Map.entry("tell", "told"),
            Map.entry("find", "found"), Map.entry("hold", "held"), Map.entry("bring", "brought"),
            Map.entry("buy", "bought"), Map.entry("sell", "sold"), Map.entry("send", "sent"),
            Map.entry("catch", "caught"), Map.entry("teach", "taught"), Map.entry("write", "written"),
            Map.entry("know", "known"), Map.entry("hit", "hit"), Map.entry("put", "put"), Map.entry("set", "set"),
            Map.entry("cut", "cut"), Map.entry("shoot", "shot"), Map.entry("keep", "kept"), Map.entry("lose", "lost"),
            Map.entry("pay", "paid"), Map.entry("lay", "laid"), Map.entry("lead", "led"), Map.entry("meet", "met"),
            Map.entry("read", "read"), Map.entry("feel", "felt"), Map.entry("leave", "left"),
            Map.entry("get", "got"), Map.entry("choose", "chosen"), Map.entry("steal", "stolen"),
            Map.entry("eat", "eaten"), Map.entry("drink", "drunk"), Map.entry("beat", "beaten"),
            Map.entry("break", "broken"), Map.entry("speak", "spoken"), Map.entry("wear", "worn"),
            Map.entry("hide", "hidden"), Map.entry("forbid", "forbidden"), Map.entry("begin", "begun"),
            Map.entry("run", "run"), Map.entry("come", "come"), Map.entry("become", "become"),
            Map.entry("do", "done"), Map.entry("go", "gone"), Map.entry("be", "been"), Map.entry("have", "had"),
            Map.entry("hear", "heard"), Map.entry("understand", "understood"), Map.entry("spend", "spent"),
            Map.entry("lend", "lent"), Map.entry("bear", "borne"), Map.entry("freeze", "frozen"),
            Map.entry("shake", "shaken"), Map.entry("throw", "thrown"), Map.entry("grow", "grown"),
            Map.entry("show", "shown"), Map.entry("draw", "drawn"), Map.entry("fight", "fought"),
            Map.entry("think", "thought"), Map.entry("seek", "sought"), Map.entry("sink", "sunk"),
            Map.entry("swear", "sworn"), Map.entry("bind", "bound"), Map.entry("feed", "fed"),
            Map.entry("bury", "buried"), Map.entry("burn", "burned"), Map.entry("sit", "sat"),
            Map.entry("stand", "stood"), Map.entry("win", "won"), Map.entry("light", "lit"));

    /** Simple past forms the lexicon gives for reporting verbs (gave, took), to their participles. */
    private static final Map<String, String> PAST_TO_PARTICIPLE = Map.ofEntries(
            Map.entry("gave", "given"), Map.entry("took", "taken"), Map.entry("ate", "eaten"),
            Map.entry("wrote", "written"), Map.entry("chose", "chosen"), Map.entry("fell", "fallen"),
            Map.entry("rose", "risen"), Map.entry("began", "begun"), Map.entry("went", "gone"),
            Map.entry("saw", "seen"), Map.entry("came", "come"), Map.entry("became", "become"),
            Map.entry("knew", "known"), Map.entry("grew", "grown"), Map.entry("drove", "driven"),
            Map.entry("spoke", "spoken"), Map.entry("broke", "broken"), Map.entry("stole", "stolen"),
            Map.entry("flew", "flown"), Map.entry("threw", "thrown"), Map.entry("ran", "run"),
            Map.entry("did", "done"), Map.entry("was", "been"), Map.entry("were", "been"));

    private static final String[] VERB_PREFIXES = {"fore", "re", "over", "under", "with", "mis", "out", "up"};

    private static final Map<String, String> IRREGULAR_SUPERLATIVES = Map.ofEntries(
            Map.entry("good", "best"), Map.entry("bad", "worst"), Map.entry("many", "most"), Map.entry("much", "most"),
            Map.entry("far", "farthest"), Map.entry("little", "least"), Map.entry("big", "biggest"),
            Map.entry("hot", "hottest"), Map.entry("thin", "thinnest"), Map.entry("fat", "fattest"),
            Map.entry("wet", "wettest"), Map.entry("sad", "saddest"));

    private English() {
    }

    /** Plural of the last word of a noun phrase ({@code "police officer"} → {@code "police officers"}). */
    static String plural(String noun) {
        int space = noun.lastIndexOf(' ');
        String head = noun.substring(space + 1);
        String prefix = noun.substring(0, space + 1);
        if (head.length() > 1 && Character.isUpperCase(head.charAt(0)) && head.substring(1).chars().allMatch(Character::isLowerCase)) {
            // A title-cased headline word: House → Houses.
            String plural = plural(Character.toLowerCase(head.charAt(0)) + head.substring(1));
            return prefix + Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
        }
        if (head.isEmpty() || !Character.isLowerCase(head.charAt(0))) {
            return noun;
        }
        String irregular = IRREGULAR_PLURALS.get(head);
        if (irregular != null) {
            return prefix + irregular;
        }
        if (head.endsWith("s") || head.endsWith("x") || head.endsWith("z") || head.endsWith("ch") || head.endsWith("sh")) {
            return prefix + head + "es";
        }
        if (head.endsWith("y") && head.length() > 1 && !isVowel(head.charAt(head.length() - 2))) {
            return prefix + head.substring(0, head.length() - 1) + "ies";
        }
        return prefix + head + "s";
    }

    /** Past participle of the first word of a verb phrase ({@code "carry out"} → {@code "carried out"}). */
    static String pastParticiple(String verb) {
        int space = verb.indexOf(' ');
        String head = space < 0 ? verb : verb.substring(0, space);
        String rest = space < 0 ? "" : verb.substring(space);
        String irregular = IRREGULAR_PARTICIPLES.get(head);
        if (irregular != null) {
            return irregular + rest;
        }
        String fromPast = PAST_TO_PARTICIPLE.get(head);
        if (fromPast != null) {
            return fromPast + rest;
        }
        if (head.endsWith("ed") || head.length() < 2 || IRREGULAR_PARTICIPLES.containsValue(head)) {
            return verb;
        }
        for (String verbPrefix : VERB_PREFIXES) {
            // foresee → foreseen, rebuild → rebuilt, overtake → overtaken
            if (head.startsWith(verbPrefix) && IRREGULAR_PARTICIPLES.containsKey(head.substring(verbPrefix.length()))) {
                return verbPrefix + IRREGULAR_PARTICIPLES.get(head.substring(verbPrefix.length())) + rest;
            }
        }
        if (head.endsWith("e")) {
            return head + "d" + rest;
        }
        if (head.endsWith("y") && !isVowel(head.charAt(head.length() - 2))) {
            return head.substring(0, head.length() - 1) + "ied" + rest;
        }
        if (doublesFinalConsonant(head)) {
            return head + head.charAt(head.length() - 1) + "ed" + rest;
        }
        return head + "ed" + rest;
    }

    /** Superlative of an adjective ({@code "large"} → {@code "largest"}, {@code "important"} → {@code "most important"}). */
    static String superlative(String adjective) {
        if (adjective.indexOf(' ') >= 0) {
            return "most " + adjective;
        }
        String irregular = IRREGULAR_SUPERLATIVES.get(adjective);
        if (irregular != null) {
            return irregular;
        }
        if (adjective.length() > 7) {
            return "most " + adjective;
        }
        if (adjective.endsWith("e")) {
            return adjective + "st";
        }
        if (adjective.endsWith("y") && adjective.length() > 2 && !isVowel(adjective.charAt(adjective.length() - 2))) {
            return adjective.substring(0, adjective.length() - 1) + "iest";
        }
        return adjective + "est";
    }

    /** Present participle of the first word of a verb phrase: visit → visiting, make → making, run → running. */
    static String presentParticiple(String verb) {
        int space = verb.indexOf(' ');
        String head = space < 0 ? verb : verb.substring(0, space);
        String rest = space < 0 ? "" : verb.substring(space);
        String base = PAST_TO_BASE.getOrDefault(head, head);
        if (base.endsWith("ing")) {
            return verb;
        }
        if (base.endsWith("ed") && !base.endsWith("eed") && base.length() > 4) {
            base = base.substring(0, base.length() - 2); // discussed → discuss, stated → stat(ing)
            int n = base.length();
            if (n > 2 && base.charAt(n - 1) == base.charAt(n - 2) && !"ls".contains(base.substring(n - 1))) {
                base = base.substring(0, n - 1); // stopped → stop(ping)
            }
            return base + "ing" + rest;
        }
        if (base.endsWith("ie")) {
            return base.substring(0, base.length() - 2) + "ying" + rest;
        }
        if (base.endsWith("e") && !base.endsWith("ee") && base.length() > 2) {
            return base.substring(0, base.length() - 1) + "ing" + rest;
        }
        if (doublesFinalConsonant(base)) {
            return base + base.charAt(base.length() - 1) + "ing" + rest;
        }
        return base + "ing" + rest;
    }

    /** Past forms the lexicon gives for frequent verbs, back to their base (said → say) for -ing forms. */
    private static final Map<String, String> PAST_TO_BASE = Map.ofEntries(
            Map.entry("said", "say"), Map.entry("stated", "state"), Map.entry("gave", "give"), Map.entry("got", "get"),
            Map.entry("made", "make"), Map.entry("found", "find"), Map.entry("held", "hold"), Map.entry("took", "take"),
            Map.entry("rose", "rise"), Map.entry("fell", "fall"), Map.entry("went", "go"), Map.entry("came", "come"),
            Map.entry("met", "meet"), Map.entry("asked", "ask"), Map.entry("killed", "kill"), Map.entry("used", "use"),
            Map.entry("won", "win"), Map.entry("lost", "lose"), Map.entry("sent", "send"), Map.entry("brought", "bring"));

    /** Adverb of an adjective: open → openly, easy → easily, possible → possibly, basic → basically. */
    static String adverb(String adjective) {
        if (adjective.endsWith("ly")) {
            return adjective;
        }
        if (adjective.endsWith("y") && adjective.length() > 2) {
            return adjective.substring(0, adjective.length() - 1) + "ily";
        }
        if (adjective.endsWith("le") && adjective.length() > 3) {
            return adjective.substring(0, adjective.length() - 1) + "y";
        }
        if (adjective.endsWith("ic")) {
            return adjective + "ally";
        }
        return adjective + "ly";
    }

    /** Whether a word looks like an English plural already. */
    static boolean looksPlural(String noun) {
        return noun.endsWith("s") && !noun.endsWith("ss") || IRREGULAR_PLURALS.containsValue(noun);
    }

    private static boolean doublesFinalConsonant(String verb) {
        // stop → stopped, plan → planned; short CVC verbs only (visit → visited stays).
        int n = verb.length();
        return n >= 3 && n <= 4 && !isVowel(verb.charAt(n - 1)) && "wxy".indexOf(verb.charAt(n - 1)) < 0
                && isVowel(verb.charAt(n - 2)) && !isVowel(verb.charAt(n - 3));
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
