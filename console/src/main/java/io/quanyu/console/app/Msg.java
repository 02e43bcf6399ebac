package io.quanyu.console.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's texts in English (the default); messages/msg_zh.properties has them in Chinese. */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Quanyu console")
    String app_title();

    @Message("Overview")
    String nav_overview();

    @Message("Customer 360")
    String nav_customers();

    @Message("Segments")
    String nav_segments();

    @Message("Campaigns")
    String nav_campaigns();

    @Message("Inventory")
    String nav_inventory();

    @Message("Customer service")
    String nav_service();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as")
    String signed_in_as();

    @Message("Sign in")
    String sign_in_title();

    @Message("Paste the reader or admin token of this stack (./quanyu token reader or ./quanyu token admin).")
    String sign_in_help();

    @Message("Token")
    String token();

    @Message("Sign in")
    String sign_in_button();

    @Message("That token is not a reader or admin token of this stack.")
    String sign_in_refused();

    @Message("Some figures could not be loaded:")
    String problems();

    @Message("none")
    String none();

    @Message("Search")
    String search();

    @Message("Save")
    String save();

    @Message("Create")
    String create();

    @Message("Admin only: sign in with the admin token to change this.")
    String admin_only();

    @Message("Service health")
    String service_health();

    @Message("Service")
    String service();

    @Message("Status")
    String status();

    @Message("Checks down")
    String checks_down();

    @Message("Events by channel")
    String events_by_channel();

    @Message("Channel")
    String channel();

    @Message("Published")
    String events_total();

    @Message("Received")
    String events_received();

    @Message("Duplicates dropped")
    String duplicates();

    @Message("Counts since ingestion-service started.")
    String since_start();

    @Message("Events per minute")
    String events_per_minute();

    @Message("Per minute over the time since the previous sample of this console (reload to refresh).")
    String per_minute_hint();

    @Message("Failed events by reason")
    String failed_events();

    @Message("Parked records by consumer and reason")
    String parked_records();

    @Message("Reason")
    String reason();

    @Message("Count")
    String count();

    @Message("Consumer")
    String consumer();

    @Message("Recent stock alerts")
    String recent_alerts();

    @Message("Find a customer")
    String customer_search();

    @Message("Key")
    String key_kind();

    @Message("User id or key")
    String kind_id();

    @Message("Member card")
    String kind_card();

    @Message("Phone (hashed before lookup)")
    String kind_phone();

    @Message("Portrait")
    String portrait();

    @Message("Linked keys")
    String linked_keys();

    @Message("Unverified keys")
    String unverified_keys();

    @Message("Identity conflicts")
    String identity_conflicts();

    @Message("Traits")
    String traits();

    @Message("RFM")
    String rfm();

    @Message("Recency (days)")
    String recency();

    @Message("Frequency")
    String frequency();

    @Message("Monetary")
    String monetary();

    @Message("Label")
    String label();

    @Message("Lifecycle")
    String lifecycle();

    @Message("Purchase propensity")
    String propensity();

    @Message("Churn risk")
    String churn();

    @Message("Interests")
    String interests();

    @Message("Segments")
    String segments();

    @Message("Activity")
    String activity();

    @Message("Recent events")
    String timeline();

    @Message("Chat turns")
    String chat_turns();

    @Message("Intent")
    String chat_intent();

    @Message("handed to a human")
    String handed_off();

    @Message("Recommendations")
    String recommendations();

    @Message("Item")
    String item();

    @Message("Score")
    String score();

    @Message("Why")
    String why();

    @Message("Export (JSON)")
    String export();

    @Message("Erase this customer")
    String erase();

    @Message("Type the customer id to confirm")
    String erase_confirm();

    @Message("Erased")
    String erased();

    @Message("No customer has this key.")
    String not_found();

    @Message("Time")
    String time();

    @Message("Type")
    String type();

    @Message("Sentiment")
    String sentiment();

    @Message("Segments")
    String segment_list();

    @Message("Name")
    String name();

    @Message("Kind")
    String kind();

    @Message("Members")
    String members();

    @Message("Description")
    String description();

    @Message("Rule builder")
    String builder();

    @Message("Match")
    String combine();

    @Message("all conditions")
    String combine_all();

    @Message("any condition")
    String combine_any();

    @Message("Field")
    String field();

    @Message("Operator")
    String operator();

    @Message("Value")
    String value();

    @Message("Or the condition as JSON (used when filled)")
    String condition_json();

    @Message("Created segment")
    String created();

    @Message("CSV export")
    String csv();

    @Message("Behaviour clusters (k-means)")
    String clusters();

    @Message("Customer")
    String customer();

    @Message("Attribution model")
    String attribution();

    @Message("last touch")
    String last_touch();

    @Message("linear")
    String linear();

    @Message("Campaign")
    String campaign();

    @Message("Impressions")
    String impressions();

    @Message("Clicks")
    String clicks();

    @Message("Cost")
    String cost();

    @Message("Conversions")
    String conversions();

    @Message("Revenue")
    String revenue();

    @Message("ROI")
    String roi();

    @Message("ROAS")
    String roas();

    @Message("ROI vs cost")
    String roi_vs_cost();

    @Message("Per day")
    String per_day();

    @Message("Budget allocation")
    String allocation();

    @Message("Total budget")
    String total_budget();

    @Message("Policy")
    String policy();

    @Message("Allocate")
    String allocate();

    @Message("Current plan")
    String current_plan();

    @Message("Proposed")
    String proposed();

    @Message("A/B test")
    String ab_test();

    @Message("Ad A")
    String ad_a();

    @Message("Ad B")
    String ad_b();

    @Message("Compare")
    String compare();

    @Message("SKU")
    String sku();

    @Message("Store")
    String store();

    @Message("Forecast")
    String forecast();

    @Message("History")
    String history();

    @Message("Median")
    String median();

    @Message("80 % interval")
    String band80();

    @Message("95 % interval")
    String band95();

    @Message("Model")
    String model();

    @Message("Week")
    String week();

    @Message("Inventory policy")
    String inventory_policy();

    @Message("Open alerts")
    String open_alerts();

    @Message("Message")
    String message_col();

    @Message("On hand")
    String on_hand();

    @Message("Suggested order")
    String suggested_order();

    @Message("Hand-off queue")
    String handoffs();

    @Message("Ticket")
    String ticket();

    @Message("Requested")
    String requested_at();

    @Message("Transcript")
    String transcript();

    @Message("Topic")
    String topic();

    @Message("Intent mix in the queue")
    String intent_mix();

    @Message("Sentiment mix in the queue")
    String sentiment_mix();

    @Message("FAQ")
    String faq();

    @Message("Question")
    String question();

    @Message("Answer")
    String answer();

    @Message("Language")
    String language();

    @Message("Add or update an FAQ entry (same id replaces it)")
    String faq_edit();

    @Message("Saved")
    String saved();

    @Message("negative")
    String negative();

    @Message("neutral")
    String neutral();

    @Message("positive")
    String positive();

}
