/**
 * Who signed each APK, and does it verify: {@link dev.phonehome.apk.signing.SignatureInspector}
 * runs Android's own verifier (apksig) and reports schemes (v1 JAR, v2, v3, v3.1, v4), signers
 * with certificate facts and fingerprints, v3 key-rotation lineage, source stamps and apksig's
 * issues as coded problems; {@link dev.phonehome.apk.signing.KnownKeys} flags AOSP test keys and
 * debug certificates from a versioned knowledge file; {@link dev.phonehome.apk.signing.SignerClusters}
 * groups a firmware's APKs by signer and marks the platform key.
 */
package dev.phonehome.apk.signing;
