package com.practicecal.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One normalised form for every email: NFKC-stable, then ASCII lower-case; nothing else folded. */
class EmailNormalisationTest {

    @Test
    void asciiLettersAreLowerCased() {
        assertThat(Check.email("email", " Anna.Berg@Praxis.TEST ")).isEqualTo("anna.berg@praxis.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u017Fusanne@praxis.test", // ſ LATIN SMALL LETTER LONG S: equalsIgnoreCase and NFKC make it "s"
            "\uFF41nna@praxis.test",    // full-width a
            "\u212Aarl@praxis.test",    // KELVIN SIGN (NFKC: K)
            "anna\uFB01@praxis.test",   // ﬁ ligature
            "e\u0301va@praxis.test"})   // e + combining acute (NFKC: é)
    void addressesThatChangeUnderNfkcAreRefused(String email) {
        assertThatThrownBy(() -> Check.email("email", email)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("NFKC");
    }

    @Test
    void nonAsciiLettersAreNotFolded() {
        // toLowerCase would fold these, and İ would even become two characters
        assertThat(Check.email("email", "\u00C9va@praxis.test")).isEqualTo("\u00C9va@praxis.test");
        assertThat(Check.email("email", "\u0130lse@praxis.test")).isEqualTo("\u0130lse@praxis.test");
        assertThat(Check.email("email", "\u00C9va@praxis.test")).isNotEqualTo(Check.email("email", "\u00E9va@praxis.test"));
    }
}
