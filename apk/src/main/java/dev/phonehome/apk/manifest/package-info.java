/**
 * Android binary XML and AndroidManifest.xml.
 *
 * <p>{@link dev.phonehome.apk.manifest.AxmlParser} decodes compiled XML as tolerantly as the
 * platform's {@code ResXMLTree} into a generic {@link dev.phonehome.apk.manifest.XmlElement}
 * tree plus coded {@code axml.*} problems; {@link dev.phonehome.apk.manifest.AndroidManifest#parse}
 * reads it as Android's package parser does: framework attributes by resource id (see
 * {@link dev.phonehome.apk.manifest.AndroidAttr}), defaults and implied values applied.
 * Hand-written because the available decoders (apktool, androguard, jadx) are either
 * unmaintained as libraries, stricter than Android, or resolve attributes by name.
 */
package dev.phonehome.apk.manifest;
