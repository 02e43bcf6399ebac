-- One database per service, as ./quanyu up creates them.
CREATE DATABASE quanyu_ingestion;
CREATE DATABASE quanyu_profile;
CREATE DATABASE quanyu_recommender;
CREATE DATABASE quanyu_chatbot;
CREATE DATABASE quanyu_forecast;
CREATE DATABASE quanyu_ads;
CREATE DATABASE quanyu_engagement;
