package android.telephony;
public class TelephonyManager {
    public String getImei() { return null; }
    public String getDeviceId() { return null; }
    public String getSubscriberId() { return null; }
    public String getLine1Number() { return null; }
}
