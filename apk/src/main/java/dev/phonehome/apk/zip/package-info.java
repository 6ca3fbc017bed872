/**
 * APK/ZIP container reading that tolerates what malware does to break analysis tools: the
 * central directory is the only source of truth (as on Android), local headers only locate data,
 * and every read is bounded by {@link dev.phonehome.apk.zip.ReadLimits}. Start at
 * {@link dev.phonehome.apk.zip.ApkArchive}; {@link dev.phonehome.apk.zip.ApkBundle} opens the APKs
 * inside XAPK, APKS, APKM and split-APK zips.
 */
package dev.phonehome.apk.zip;
