// A small line chart of recent values on a canvas.

export function sparkline(canvas, given) {
  let values = given;
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext("2d");
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const style = getComputedStyle(canvas);
  g.strokeStyle = style.color || "#2a6";
  g.fillStyle = style.color || "#2a6";
  if (!values.length) return;
  if (values.length === 1) values = [values[0], values[0]];
  const max = Math.max(...values, 1e-9);
  const step = width / (values.length - 1);
  const y = (v) => height - 2 - (height - 4) * (v / max);
  g.beginPath();
  values.forEach((v, i) => (i ? g.lineTo(i * step, y(v)) : g.moveTo(0, y(v))));
  g.lineWidth = 1.5;
  g.stroke();
  g.beginPath();
  g.arc((values.length - 1) * step, y(values[values.length - 1]), 2, 0, Math.PI * 2);
  g.fill();
}
