/**
 * Analytics for staff: the reports (members, sales, products, points, rewards, tiers,
 * referrals, broadcasts) over a range of local dates, the rule of who may see which
 * store, the ports that answer them and the job that keeps the rollups behind them up to
 * date.
 */
@NullMarked
package dev.punchcard.core.analytics.application;

import org.jspecify.annotations.NullMarked;
