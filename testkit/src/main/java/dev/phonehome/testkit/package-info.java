/**
 * Builders for the fixtures that tests and the bundled sample are made of: Java compiled to
 * real DEX with D8, binary XML, signed APKs. Nothing here is copied from third parties; every
 * fixture is made at build time.
 */
package dev.phonehome.testkit;
