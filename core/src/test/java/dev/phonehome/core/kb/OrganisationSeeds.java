package dev.phonehome.core.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maintainer-curated organisation facts used when generating {@code organisations.json}, and the
 * rules attributing imported trackers to them (the facts files name no organisation for Exodus
 * trackers, and give HQ countries only for OEM SDKs).
 */
final class OrganisationSeeds {
    /** id, name, parent id, HQ country, and DPF certification where the maintainers checked it. */
    record Seed(String id, String name, String parent, String country, Boolean dpfCertified) {
        Seed(String id, String name, String parent, String country) {
            this(id, name, parent, country, null);
        }
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("adobe", "Adobe Inc.", null, "US", true),
            new Seed("alibaba", "Alibaba Group Holding Limited", null, "CN"),
            new Seed("alphabet", "Alphabet Inc.", null, "US"),
            new Seed("amazon", "Amazon.com, Inc.", null, "US", true),
            new Seed("aurora-mobile", "Aurora Mobile Limited (JiGuang)", null, "CN"),
            new Seed("baidu", "Baidu, Inc.", null, "CN"),
            new Seed("bytedance", "ByteDance Ltd.", null, "CN"),
            new Seed("google", "Google LLC", "alphabet", "US", true),
            new Seed("growingio", "GrowingIO", null, "CN"),
            new Seed("huawei", "Huawei Technologies Co., Ltd.", null, "CN"),
            new Seed("meta", "Meta Platforms, Inc.", null, "US", true),
            new Seed("microsoft", "Microsoft Corporation", null, "US", true),
            new Seed("oppo", "Guangdong OPPO Mobile Telecommunications Corp., Ltd.", null, "CN"),
            new Seed("salesforce", "Salesforce, Inc.", null, "US", true),
            new Seed("sensors-data", "Sensors Data (Shence Data)", null, "CN"),
            new Seed("snap", "Snap Inc.", null, "US", true),
            new Seed("talkingdata", "TalkingData", null, "CN"),
            new Seed("tencent", "Tencent Holdings Limited", null, "CN"),
            new Seed("transsion", "Transsion Holdings", null, "CN"),
            new Seed("umeng", "Umeng+", "alibaba", "CN"),
            new Seed("vivo", "vivo Communication Technology Co. Ltd.", null, "CN"),
            new Seed("vk", "VK Company Limited", null, "RU"),
            new Seed("volcano-engine", "Beijing Volcano Engine Technology Co., Ltd.", "bytedance", "CN"),
            new Seed("xiaomi", "Xiaomi Corporation", null, "CN"),
            new Seed("yandex", "Yandex", null, "RU"));

    /** OEM facts-file SDK id prefix → organisation. */
    static final Map<String, String> OEM_SDK_OWNERS = Map.ofEntries(
            Map.entry("xiaomi-", "xiaomi"), Map.entry("huawei-", "huawei"), Map.entry("oppo-", "oppo"),
            Map.entry("vivo-", "vivo"), Map.entry("transsion-", "transsion"), Map.entry("umeng", "umeng"),
            Map.entry("sensors-data", "sensors-data"), Map.entry("tencent-", "tencent"),
            Map.entry("baidu-", "baidu"), Map.entry("jpush-", "aurora-mobile"), Map.entry("growingio", "growingio"),
            Map.entry("talkingdata", "talkingdata"), Map.entry("alibaba-", "alibaba"),
            Map.entry("bytedance-pangle", "bytedance"), Map.entry("bytedance-applog", "volcano-engine"),
            Map.entry("firebase-", "google"));

    /** Website registrable domain → organisation, for Exodus trackers. */
    private static final Map<String, String> WEBSITE_OWNERS = Map.ofEntries(
            Map.entry("google.com", "google"), Map.entry("admob.com", "google"),
            Map.entry("doubleclick.net", "google"), Map.entry("crashlytics.com", "google"),
            Map.entry("fabric.io", "google"), Map.entry("firebase.com", "google"),
            Map.entry("facebook.com", "meta"), Map.entry("amazon.com", "amazon"),
            Map.entry("appcenter.ms", "microsoft"), Map.entry("microsoft.com", "microsoft"),
            Map.entry("hockeyapp.net", "microsoft"), Map.entry("adobe.com", "adobe"),
            Map.entry("salesforce.com", "salesforce"), Map.entry("yandex.com", "yandex"),
            Map.entry("yandex.ru", "yandex"), Map.entry("my.com", "vk"), Map.entry("snapchat.com", "snap"),
            Map.entry("qq.com", "tencent"), Map.entry("tencent.com", "tencent"), Map.entry("umeng.com", "umeng"),
            Map.entry("baidu.com", "baidu"), Map.entry("huawei.com", "huawei"), Map.entry("mi.com", "xiaomi"),
            Map.entry("xiaomi.com", "xiaomi"), Map.entry("alibaba.com", "alibaba"),
            Map.entry("aliyun.com", "alibaba"), Map.entry("alimama.com", "alibaba"),
            Map.entry("bytedance.com", "bytedance"), Map.entry("pangleglobal.com", "bytedance"),
            Map.entry("jiguang.cn", "aurora-mobile"), Map.entry("talkingdata.com", "talkingdata"),
            Map.entry("sensorsdata.cn", "sensors-data"));

    /** Tracker names that say who owns them, where the website does not. */
    private static final Map<Pattern, String> NAME_OWNERS = Map.of(
            Pattern.compile("\\b(Google|Firebase|AdMob|DoubleClick|Crashlytics)\\b"), "google",
            Pattern.compile("\\bFacebook\\b"), "meta",
            Pattern.compile("\\bHuawei\\b"), "huawei",
            Pattern.compile("\\bXiaomi\\b"), "xiaomi",
            Pattern.compile("\\bTencent\\b"), "tencent",
            Pattern.compile("\\bVKontakte\\b"), "vk");

    /** Sites that host many unrelated projects, so they tell nothing about the owner. */
    static final List<String> AGGREGATOR_SITES = List.of("crunchbase.com", "github.com", "github.io");

    private OrganisationSeeds() {
    }

    static Optional<String> ownerOf(String trackerName, String websiteDomain) {
        String byWebsite = WEBSITE_OWNERS.get(websiteDomain);
        if (byWebsite != null) {
            return Optional.of(byWebsite);
        }
        return NAME_OWNERS.entrySet().stream()
                .filter(e -> e.getKey().matcher(trackerName).find())
                .map(Map.Entry::getValue)
                .sorted()
                .findFirst();
    }

    static String oemOwner(String sdkId) {
        return OEM_SDK_OWNERS.entrySet().stream()
                .filter(e -> sdkId.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no owner rule for OEM SDK " + sdkId));
    }
}
