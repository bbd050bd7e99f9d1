/**
 * The service desk (统一网络报修, 接诉即办): tickets for faults and requests, dispatch to
 * handlers, SLAs, satisfaction ratings, the knowledge base and complaint-handling KPIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package org.onecampus.servicedesk;
