package io.quanyu.forecast.domain.inventory;

/** Revenue class: A items earn most of the revenue and deserve the tightest control, C items the least. */
public enum AbcClass { A, B, C }
