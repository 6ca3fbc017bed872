package android.content;
public class Context {
    public android.content.res.AssetManager getAssets() { return null; }
    public Object getSystemService(String name) { return null; }
    public ContentResolver getContentResolver() { return null; }
}
