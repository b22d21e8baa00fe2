// JSX props of a Hawzu component, as a string or as an expression holding only a literal
export const App = () => <HawzuProvider apiToken={"knAkMIQJqgDmFwp7FdsafHpZbv7fR2BqVRMj"} baseUrl="https://api.hawzu.com" />;
