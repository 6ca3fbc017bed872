/**
 * Writers of Android binary XML ({@link dev.phonehome.testkit.axml.AxmlWriter},
 * {@link dev.phonehome.testkit.axml.ManifestXml}) and of a minimal resources.arsc
 * ({@link dev.phonehome.testkit.axml.ResourcesArscWriter}) for tests and the sample firmware;
 * their output is checked with Debian's aapt.
 */
package dev.phonehome.testkit.axml;
