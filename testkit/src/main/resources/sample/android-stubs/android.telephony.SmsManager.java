package android.telephony;
public class SmsManager {
    public static SmsManager getDefault() { return null; }
    public void sendTextMessage(String destination, String scAddress, String text, android.app.PendingIntent sent, android.app.PendingIntent delivered) { }
    public void sendDataMessage(String destination, String scAddress, short port, byte[] data, android.app.PendingIntent sent, android.app.PendingIntent delivered) { }
}
