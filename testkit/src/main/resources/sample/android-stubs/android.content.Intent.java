package android.content;
public class Intent {
    public String getAction() { return null; }
}
