/**
 * The phone under test: {@link dev.phonehome.core.device.DeviceProfiles} reads {@code device.yaml}
 * (format in docs/device-profile.md) into an immutable {@link dev.phonehome.core.device.DeviceProfile}
 * with the device facts, consent settings and {@link dev.phonehome.core.device.DeviceIdentifiers} the
 * personal-data matcher searches for. Structure errors throw
 * {@link dev.phonehome.core.device.DeviceProfileException} naming file and key; values that look wrong
 * are kept and reported as warnings. {@link dev.phonehome.core.device.Placeholders} is the one list of
 * values that are never personal data.
 */
package dev.phonehome.core.device;
