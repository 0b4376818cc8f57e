/*
 * The manifest's FunctionFile. The ribbon button only opens the task pane (ShowTaskpane), so this page has no
 * commands of its own; it must still load office.js and initialise for Office to accept the add-in.
 */
Office.onReady(() => undefined);
