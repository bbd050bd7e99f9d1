/**
 * Insight (数据价值分析与展示, 驾驶舱): dashboards and big-screen views over all modules, and the
 * self-assessment against the Beijing smart-campus standard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.onecampus.insight;
