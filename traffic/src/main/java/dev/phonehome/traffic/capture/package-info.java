/**
 * Capture readers: pcap and pcapng ({@link dev.phonehome.traffic.capture.CaptureFile}), gzip
 * transparently, embedded TLS key logs and PCAPdroid app attribution, separate NSS key logs
 * ({@link dev.phonehome.traffic.capture.KeyLog}) and HAR 1.2
 * ({@link dev.phonehome.traffic.capture.HarReader}). All stream: memory does not grow with
 * the size of the capture, and damage becomes coded problems.
 */
package dev.phonehome.traffic.capture;
