package dev.portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DatabaseIndependent
class ErrorStyleSettingIT {

    @Test
    void aMisspeltErrorStyleStopsTheStartNamingTheSettingAndItsValues() {
        String log = PayaraMicro.logOfRefusedStart("errors-style-misspelt",
                TestDatabase.freshWith("errstyle", Map.of("ERRORS_STYLE", "med-twin")));

        assertTrue(log.contains("errors.style (ERRORS_STYLE) must be one of [audimodal, medtwin], not 'med-twin'"), log);
    }
}
