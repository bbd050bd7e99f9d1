/**
 * The campus data hub (校务数据集散中心, 数据治理): data sources and scheduled exchange jobs,
 * code-set standards, the data catalogue, quality rules and reports, the data-sharing API with
 * contracts, masking and call statistics, and the per-person profile (一人一表) that prefills forms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data hub")
package org.onecampus.datahub;
