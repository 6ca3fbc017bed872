package android.os;
public class Build {
    public static final String MODEL = null;
    public static String getSerial() { return null; }
}
