package com.practicecal.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedSummaryTest {
    @Test
    void serviceAndInitialsOnly() {
        assertThat(FeedSummary.of("Therapiesitzung", "Erika Mustermann")).isEqualTo("Therapiesitzung · E.M.");
        assertThat(FeedSummary.of("Therapiesitzung", "  eva-maria von  Müller ")).isEqualTo("Therapiesitzung · E.M.");
        assertThat(FeedSummary.of(null, "Özlem")).isEqualTo("Termin · Ö.");
        assertThat(FeedSummary.of(" ", null)).isEqualTo("Termin");
        assertThat(FeedSummary.of("Erstgespräch", "(?) 123")).isEqualTo("Erstgespräch");
    }
}
