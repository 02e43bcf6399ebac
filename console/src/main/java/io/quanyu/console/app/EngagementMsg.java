package io.quanyu.console.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The Engagement page's texts in English (the default); messages/eng_zh.properties has them in Chinese. */
@MessageBundle(value = "eng", locale = "en")
public interface EngagementMsg {

    @Message("Engagement")
    String nav_engagement();

    @Message("Journeys")
    String journeys();

    @Message("Offers")
    String offers();

    @Message("Journey")
    String journey();

    @Message("Trigger")
    String trigger();

    @Message("Parameter")
    String parameter();

    @Message("Active")
    String active();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Holdout share")
    String holdout_share();

    @Message("Treated")
    String treated();

    @Message("Holdout")
    String holdout();

    @Message("Entries")
    String entries();

    @Message("Conversions")
    String conversions();

    @Message("Rate")
    String rate();

    @Message("Difference (points)")
    String difference();

    @Message("Difference")
    String difference_short();

    @Message("95 % CI")
    String ci95();

    @Message("Redemptions")
    String redemptions();

    @Message("Delivered")
    String delivered();

    @Message("Opened")
    String opened();

    @Message("Clicked")
    String clicked();

    @Message("Granted")
    String granted();

    @Message("Spent")
    String spent();

    @Message("Budget")
    String budget();

    @Message("Budget left")
    String budget_left();

    @Message("Value")
    String value();

    @Message("No journey is defined yet: an admin creates one on engagement-service (POST /v1/journeys).")
    String no_journeys();

    @Message("No offer is defined yet (POST /v1/offers on engagement-service).")
    String no_offers();

    @Message("Not shown: engagement-service did not give the list (see the message above).")
    String not_loaded();

    @Message("Definition")
    String definition();

    @Message("Branches (the first that holds acts)")
    String branches();

    @Message("When")
    String when();

    @Message("Action")
    String action();

    @Message("Default action")
    String default_action();

    @Message("none: a customer no branch takes leaves the journey")
    String no_default_action();

    @Message("Frequency cap")
    String frequency_cap();

    @Message("Quiet hours")
    String quiet_hours();

    @Message("Attribution window")
    String attribution_window();

    @Message("Uplift")
    String uplift();

    @Message("Conversion rate, treated vs holdout")
    String uplift_chart();

    @Message("Conversion rate (%)")
    String rate_pct();

    @Message("95 % interval")
    String interval95();

    @Message("the interval leaves out 0")
    String significant();

    @Message("Difference = treated − holdout conversion rate; its 95 % interval is engagement-service's (Newcombe's hybrid score). In the chart each group's own interval is Wilson's. A conversion is a purchase within the attribution window after entering.")
    String uplift_hint();

    @Message("Both groups need entries before there is an uplift to chart.")
    String no_entries_yet();

    @Message("All journeys")
    String all_journeys();

    @Message("Show")
    String show();

    @Message("An offer's uplift counts every journey entry decided into a branch granting it, treated and held out alike.")
    String offer_uplift_hint();
    // Words of the journey descriptions (domain/Journeys.Words).
    @Message("wait")
    String w_wait();

    @Message("exits on purchase")
    String w_exits_on_purchase();

    @Message("stays after a purchase")
    String w_stays_after_purchase();

    @Message("segment in")
    String w_segment_in();

    @Message("lifecycle in")
    String w_lifecycle_in();

    @Message("channel in")
    String w_channel_in();

    @Message("propensity")
    String w_propensity();

    @Message("bought before")
    String w_bought_before();

    @Message("never bought")
    String w_never_bought();

    @Message("always")
    String w_always();

    @Message("and")
    String w_and();

    @Message("offer")
    String w_offer();

    @Message("on")
    String w_on();

    @Message("recommendations")
    String w_recommendations();
}
