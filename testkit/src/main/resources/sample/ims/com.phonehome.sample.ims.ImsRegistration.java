package com.phonehome.sample.ims;

/** Vendor IMS registration: reads the IMEI and the subscriber ID for the carrier's server. */
public class ImsRegistration extends android.app.Service {
    @Override
    public void onCreate() {
        android.telephony.TelephonyManager tm =
                (android.telephony.TelephonyManager) getSystemService("phone");
        String imei = tm.getImei();
        String imsi = tm.getSubscriberId();
        android.util.Log.d("IMS", "https://ims.vendor.example/register?imei=" + imei + "&imsi=" + imsi);
    }
}
