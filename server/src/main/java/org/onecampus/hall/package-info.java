/**
 * The one-stop online service hall and portal home (一站式网上办事服务大厅, 统一信息门户): the
 * catalogue of campus services shown to each person by role, applying, tracking, withdrawing and
 * rating applications, the to-do centre (including to-dos pushed by other campus systems), the
 * personal home page, and the statistics and KPIs service owners and the IT centre watch.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hall")
package org.onecampus.hall;
