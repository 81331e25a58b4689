package dev.drydock.policy;

import java.util.Locale;

/**
 * A VEX status, as OpenVEX names it (https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md#status-labels), with
 * CycloneDX's {@code analysis.state} mapped onto it the way CISA's "Minimum Requirements for VEX" and Trivy do.
 */
public enum VexStatus {
    NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

    /** {@code not_affected}. */
    public String openVex() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** CycloneDX {@code analysis.state}: not_affected, exploitable, resolved, in_triage. */
    public String cycloneDx() {
        return switch (this) {
            case NOT_AFFECTED -> "not_affected";
            case AFFECTED -> "exploitable";
            case FIXED -> "resolved";
            case UNDER_INVESTIGATION -> "in_triage";
        };
    }

    /** Whether a finding with this status is suppressed: the product is not affected, or the fix is in. */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    static VexStatus ofOpenVex(String s) {
        for (VexStatus v : values()) {
            if (v.openVex().equals(s)) {
                return v;
            }
        }
        return null;
    }

    /** CycloneDX states; {@code false_positive} is "not affected" too, {@code resolved_with_pedigree} is fixed. */
    static VexStatus ofCycloneDx(String s) {
        return switch (s) {
            case "not_affected", "false_positive" -> NOT_AFFECTED;
            case "exploitable" -> AFFECTED;
            case "resolved", "resolved_with_pedigree" -> FIXED;
            case "in_triage" -> UNDER_INVESTIGATION;
            default -> null;
        };
    }
}
