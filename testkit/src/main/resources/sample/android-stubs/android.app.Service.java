package android.app;
public class Service extends android.content.Context {
    public void onCreate() { }
    public int onStartCommand(android.content.Intent intent, int flags, int startId) { return 0; }
}
