package app.kadr;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** Read once for both tests: analysing the studio's classes is the slow part (half a minute on a busy machine). */
    private static final ApplicationModules MODULES = ApplicationModules.of(KadrApplication.class);

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
