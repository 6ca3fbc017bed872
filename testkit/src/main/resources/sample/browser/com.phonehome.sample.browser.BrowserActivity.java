package com.phonehome.sample.browser;

import com.google.android.gms.analytics.Tracker;
import com.sensorsdata.analytics.android.sdk.SensorsDataAPI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The browser's main screen: reports page views to both analytics clients. */
public class BrowserActivity extends android.app.Activity {
    private final Tracker tracker = new Tracker("UA-000000-1");

    @Override
    protected void onCreate(android.os.Bundle state) {
        SensorsDataAPI sa = SensorsDataAPI.sharedInstance(this);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("user_experience_programme", true);
        sa.registerSuperProperties(common);
        openPage("https://www.example.org/news");
    }

    void openPage(String url) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("url", url);
        props.put("page_title", "News");
        props.put("search_keyword", "");
        SensorsDataAPI.sharedInstance(this).track("PageView", props);
        Map<String, String> hit = new LinkedHashMap<>();
        hit.put("t", "pageview");
        hit.put("dl", url);
        tracker.send(hit);
    }
}
