package dev.warta.digest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's colour pairs meet WCAG 2 AA contrast for normal text (4.5:1), computed from the shipped stylesheet. */
class DigestStylesheetTest {

    private static final Pattern COLOUR_VARIABLE = Pattern.compile("--([a-z-]+):\\s*#([0-9a-fA-F]{6})\\s*;");

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "text, paper", "text, shade", "muted, paper", "muted, shade", "accent, paper", "accent, shade",
            "review-text, review-back", "gist-text, gist-back", "english-text, english-back", "low-text, low-back"})
    void textColourHasEnoughContrastWithItsBackground(String foreground, String background) throws IOException {
        Map<String, String> colours = colourVariables();

        double ratio = contrast(colours.get(foreground), colours.get(background));

        assertThat(ratio).as("contrast of --%s (#%s) on --%s (#%s)", foreground, colours.get(foreground), background,
                colours.get(background)).isGreaterThanOrEqualTo(4.5);
    }

    private static Map<String, String> colourVariables() throws IOException {
        try (InputStream in = DigestStylesheetTest.class.getResourceAsStream("/digest/digest.css")) {
            assertThat(in).as("digest.css on the classpath").isNotNull();
            Matcher matcher = COLOUR_VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> colours = new HashMap<>();
            while (matcher.find()) {
                colours.put(matcher.group(1), matcher.group(2));
            }
            return colours;
        }
    }

    /** WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) with relative luminance of sRGB colours. */
    private static double contrast(String hexA, String hexB) {
        double a = luminance(hexA);
        double b = luminance(hexB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex, 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
