package dev.drydock.imageconfig;

import dev.drydock.scan.Finding;
import java.util.List;

/**
 * One image hardening check, on the image config and the merged filesystem. Checks are pure: they read
 * {@link CheckInput} and return findings; suppression, severity overrides and output are applied elsewhere.
 */
public interface ImageCheck {

    CheckInfo info();

    /** The findings, each of kind {@link Finding.Kind#MISCONFIGURATION}; empty when the image passes. */
    List<Finding> check(CheckInput in);
}
