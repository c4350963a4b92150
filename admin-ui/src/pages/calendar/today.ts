/** Today's date in China (`YYYY-MM-DD`): the calendar is China's, whatever the browser's zone. */
export const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
