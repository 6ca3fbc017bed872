package com.google.android.gms.analytics;

/** Sample stand-in with the shape of Google Analytics' Tracker; sends Measurement Protocol hits. */
public class Tracker {
    private static final String COLLECT = "https://www.google-analytics.com/collect";
    private final String trackingId;

    public Tracker(String trackingId) {
        this.trackingId = trackingId;
    }

    public void send(java.util.Map<String, String> hit) {
        StringBuilder sb = new StringBuilder("v=1&tid=").append(trackingId);
        for (java.util.Map.Entry<String, String> e : hit.entrySet()) {
            sb.append('&').append(e.getKey()).append('=').append(e.getValue());
        }
        android.util.Log.d("GA", COLLECT + "?" + sb);
    }
}
