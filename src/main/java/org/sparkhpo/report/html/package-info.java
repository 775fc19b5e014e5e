/**
 * The run report: a self-contained {@code report.html} (Apache ECharts inlined, the data as one embedded JSON
 * blob) built from the trial journal, its data model, the parameter importance behind one of its charts, and
 * the page comparing several runs ({@code --compare}).
 */
package org.sparkhpo.report.html;
