/**
 * SDK adapters: which SDK sent a request and what each of its values is.
 *
 * <p>{@link dev.phonehome.traffic.adapter.SdkAdapters} matches an exchange against the knowledge
 * base's adapters ({@code kb/sdk-adapters.json}) by host, path, method and port, and maps the
 * decoded leaves to standard properties through the adapters' field selectors
 * ({@link dev.phonehome.core.kb.FieldSelector}). The result, an
 * {@link dev.phonehome.traffic.adapter.AdapterMatch}, lists every value as an
 * {@link dev.phonehome.traffic.adapter.SdkParameter} and every part the SDK encrypted inside TLS as
 * an {@link dev.phonehome.traffic.adapter.EncryptedPayload}. The
 * {@link dev.phonehome.traffic.adapter.ParameterInventory} folds a stream of them into the distinct
 * parameters per destination and SDK.
 */
package dev.phonehome.traffic.adapter;
