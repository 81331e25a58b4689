/**
 * Image hardening checks on an image's config and final filesystem, as Dockle and the CIS Docker Benchmark define
 * them, plus the "unneeded tools" checks (shell, package manager, curl/wget, compilers, debuggers) that say which
 * package brings each tool and what it weighs.
 *
 * <p>One class per check ({@code DI0001}…), each with a {@link dev.drydock.imageconfig.CheckInfo} (stable id,
 * severity, rationale, fix, Dockle aliases); {@link dev.drydock.imageconfig.ImageChecks} lists them all and runs them
 * on a {@link dev.drydock.imageconfig.CheckInput}. Checks are pure functions of their input: nothing is read from disk,
 * and the only file contents they use (the account databases) come through
 * {@link dev.drydock.imageconfig.AccountsAnalyzer} while the layers stream past. {@code docs/image-checks.md} is
 * generated from the registry.
 */
package dev.drydock.imageconfig;
