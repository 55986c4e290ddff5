/**
 * Indicators: named figures per organisation unit and month that a module offers to others (dashboards, the
 * competition's evidence) without letting them read its tables. A module publishes an {@link
 * id.peduli.indicator.IndicatorSource}; {@link id.peduli.indicator.Indicators} collects every source and checks the
 * caller's roles and units before it asks one.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "access"})
package id.peduli.indicator;

import org.springframework.modulith.ApplicationModule;
