/**
 * Capture fixtures: pcap and pcapng files written field by field ({@link
 * dev.phonehome.testkit.capture.CaptureWriter}), and whole captures of real TLS connections laid
 * out as PCAPdroid records them ({@link dev.phonehome.testkit.capture.PcapdroidCapture}), made
 * deterministically from seeds.
 */
package dev.phonehome.testkit.capture;
