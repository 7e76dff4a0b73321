package com.practicecal.shared.clientrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNameTest {
    /** First and last name stored apart: the minimal view is exact for every form the names take. */
    @ParameterizedTest(name = "[{0}] [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Erika|Mustermann|Erika M.",
            "Erika Maria|Mustermann|Erika M.",
            "Erika\u00A0Maria|Mustermann|Erika M.",   // no-break space between given names
            "Erika\u202FMaria|Mustermann|Erika M.",   // narrow no-break space
            "Erika\u2007Maria|Mustermann|Erika M.",   // figure space
            "Erika\u200BMaria|Mustermann|Erika M.",   // zero-width space
            "\u00A0Erika\t|\u3000Mustermann|Erika M.", // leading/trailing odd spaces, ideographic space
            "Anna-Lena|Schmidt|Anna-Lena S.",
            "Erika|Mustermann-Gabler|Erika M.",
            "Erika|von Goethe|Erika G.",
            "Ludwig|van der Berg|Ludwig B.",
            "Erika|mustermann|Erika M.",
            "Ömer|Çelik|Ömer Ç.",
            "Zoë|Ångström|Zoë Å.",
            "Léa|d'Artagnan|Léa D.",
            "Erika|Mustermann Gabler|Erika M.",
            "María José|García López|María G.",
            "Анна|Иванова|Анна И.",
    })
    void minimalViewOfStoredNames(String first, String last, String expected) {
        assertThat(ClientName.minimal(first, last)).isEqualTo(expected);
    }

    /** Bookings from before client records carry one free-text name: the old bugs are gone. */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Erika Mustermann|Erika M.",
            "Mustermann, Erika|Erika M.",
            "Mustermann,Erika Maria|Erika M.",
            "Erika\u00A0Mustermann|Erika M.",
            "Erika\u202FMustermann|Erika M.",
            "Erika Maria Mustermann|Erika M.",
            "Ludwig van Beethoven|Ludwig B.",
            "Anna-Lena Schmidt-Wolf|Anna-Lena S.",
            "Erika|Erika",
    })
    void minimalViewOfFreeTextNames(String name, String expected) {
        assertThat(ClientName.minimal(name)).isEqualTo(expected);
    }

    @Test
    void splitKeepsParticlesWithTheLastName() {
        assertThat(ClientName.split("Ludwig van Beethoven")).isEqualTo(new ClientName.Parts("Ludwig", "van Beethoven"));
        assertThat(ClientName.split("Mustermann, Erika")).isEqualTo(new ClientName.Parts("Erika", "Mustermann"));
        assertThat(ClientName.split("Erika Maria Mustermann")).isEqualTo(new ClientName.Parts("Erika Maria", "Mustermann"));
        assertThat(ClientName.split("  ")).isNull();
    }

    @Test
    void tokensIgnoreCaseAndDiacriticsAndKnowUmlautTranscriptions() {
        assertThat(ClientName.tokens("Jürgen", "Müller-Lüdenscheidt"))
                .containsExactly("jurgen", "juergen", "muller", "mueller", "ludenscheidt", "luedenscheidt");
        assertThat(ClientName.tokens("Ömer", "Çelik")).contains("omer", "oemer", "celik");
        assertThat(ClientName.tokens("Hans", "Straße")).containsExactly("hans", "strasse");
        assertThat(ClientName.tokens("Léa", "d'Artagnan")).containsExactly("lea", "dartagnan");
        assertThat(ClientName.queryWords(" MÜL  j ")).isEqualTo(List.of("mul", "j"));
        assertThat(ClientName.queryWords("#!")).isEmpty();
    }
}
