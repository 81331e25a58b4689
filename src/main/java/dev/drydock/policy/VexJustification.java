package dev.drydock.policy;

import java.util.Locale;

/**
 * Why a product is not affected: OpenVEX's five justifications
 * (https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md#status-justifications), with CycloneDX's nine
 * {@code analysis.justification} values mapped onto them as Trivy maps them, and back to the closest CycloneDX value.
 */
public enum VexJustification {
    COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT, VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY, INLINE_MITIGATIONS_ALREADY_EXIST;

    public String openVex() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The closest CycloneDX {@code analysis.justification}. */
    public String cycloneDx() {
        return switch (this) {
            case COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT -> "code_not_present";
            case VULNERABLE_CODE_NOT_IN_EXECUTE_PATH -> "code_not_reachable";
            case VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY -> "requires_environment";
            case INLINE_MITIGATIONS_ALREADY_EXIST -> "protected_by_mitigating_control";
        };
    }

    static VexJustification ofOpenVex(String s) {
        for (VexJustification j : values()) {
            if (j.openVex().equals(s)) {
                return j;
            }
        }
        return null;
    }

    static VexJustification ofCycloneDx(String s) {
        return switch (s) {
            case "code_not_present" -> VULNERABLE_CODE_NOT_PRESENT;
            case "code_not_reachable" -> VULNERABLE_CODE_NOT_IN_EXECUTE_PATH;
            case "requires_configuration", "requires_dependency", "requires_environment" ->
                    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY;
            case "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control" ->
                    INLINE_MITIGATIONS_ALREADY_EXIST;
            default -> null;
        };
    }

    static final java.util.List<String> CYCLONEDX = java.util.List.of("code_not_present", "code_not_reachable",
            "requires_configuration", "requires_dependency", "requires_environment", "protected_by_compiler",
            "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control");
}
