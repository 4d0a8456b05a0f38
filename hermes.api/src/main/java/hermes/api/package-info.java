/**
 * The Hermes extension points: everything a plugin implements or calls.
 *
 * <p>Only JDK types appear in these signatures, so a plugin never pins the libraries the runtime uses. Interfaces a
 * plugin implements are {@code @ConsumerType} and grow only by default methods; interfaces the runtime implements are
 * {@code @ProviderType}. Records are immutable, collections in them are unmodifiable copies, and absent values are
 * {@link java.util.Optional} or empty collections, never {@code null}.
 *
 * <p>A plugin registers its capabilities as OSGi services (Declarative Services {@code @Component}) or, in a plain jar,
 * lists them in {@code META-INF/services/hermes.api.<Interface>}; either way the runtime sees the same services.
 */
@Export
@Version("1.0.0")
package hermes.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
