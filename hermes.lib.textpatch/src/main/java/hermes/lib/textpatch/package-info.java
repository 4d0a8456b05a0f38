/**
 * Text patching shared by the bundles that edit text on the model's behalf (the {@code patch} file tool, skill
 * patches): {@link hermes.lib.textpatch.FuzzyReplace} finds and replaces with forgiving matching, and
 * {@link hermes.lib.textpatch.UnifiedDiff} shows what changed. JDK types only; the matching strategies stay private.
 */
@Export
@Version("1.0.0")
package hermes.lib.textpatch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
