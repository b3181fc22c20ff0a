/**
 * True when WebGL runs on a software rasteriser (SwiftShader, llvmpipe): headless test browsers and
 * machines without a GPU. There the game drops MSAA, since every pixel costs CPU the terrain
 * workers need.
 */
export function isSoftwareRenderer(): boolean {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return true;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|software/i.test(renderer);
}
