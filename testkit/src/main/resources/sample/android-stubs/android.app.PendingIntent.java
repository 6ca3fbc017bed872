package android.app;
public class PendingIntent {

}
