import { useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { Color, Fog, ShaderMaterial, Vector3 } from 'three';
import { Sky } from 'three/examples/jsm/objects/Sky.js';
import type { BackdropSystem } from './backdrop-system.ts';

export const SUN_DIRECTION = new Vector3(0.45, 0.55, -0.7).normalize();
const HAZE = new Color('#b9c9d9');

/** Sky shader with sun, haze fog that ends before the streaming edge, and a banded gas giant. */
export function SkyAndPlanet({ viewDistance, backdrop }: { viewDistance: number; backdrop: BackdropSystem }) {
  const scene = useThree((s) => s.scene);
  const sky = useMemo(() => {
    const s = new Sky();
    s.scale.setScalar(4500);
    const u = s.material.uniforms;
    u.turbidity.value = 3.5;
    u.rayleigh.value = 1.1;
    u.mieCoefficient.value = 0.003;
    u.mieDirectionalG.value = 0.85;
    u.sunPosition.value.copy(SUN_DIRECTION);
    return s;
  }, []);
  const gl = useThree((s) => s.gl);
  useMemo(() => {
    // The sky shader is HDR; at exposure 1 the sky around the sun burns out to white.
    gl.toneMappingExposure = 0.9;
    scene.fog = new Fog(HAZE, viewDistance * 0.35, viewDistance * 0.95);
    scene.background = HAZE;
  }, [gl, scene, viewDistance]);
  const giant = useMemo(() => gasGiantMaterial(), []);
  return (
    <>
      <group ref={backdrop.attach}>
        <primitive object={sky} />
        <mesh position={[-1800, 900, -2600]} rotation={[0.35, 0, 0.25]} material={giant}>
          <sphereGeometry args={[520, 48, 32]} />
        </mesh>
      </group>
      <directionalLight position={SUN_DIRECTION.clone().multiplyScalar(100)} intensity={5.5} color="#fff3e0" />
      <hemisphereLight args={['#c4dcff', '#6a5a48', 3.2]} />
    </>
  );
}

function gasGiantMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    fog: false,
    uniforms: { sun: { value: SUN_DIRECTION } },
    vertexShader: `varying vec3 vN; varying vec3 vP;
      void main() { vN = normalize(mat3(modelMatrix) * normal); vP = position;
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }`,
    fragmentShader: `uniform vec3 sun; varying vec3 vN; varying vec3 vP;
      void main() {
        float lat = vP.y / 520.0;
        float bands = sin(lat * 22.0 + sin(lat * 7.0) * 1.7) * 0.5 + 0.5;
        vec3 c = mix(vec3(0.78, 0.62, 0.45), vec3(0.93, 0.86, 0.74), bands);
        c = mix(c, vec3(0.6, 0.42, 0.32), smoothstep(0.7, 1.0, sin(lat * 9.0 + 1.3)) * 0.5);
        float light = clamp(dot(normalize(vN), sun) * 0.9 + 0.25, 0.08, 1.0);
        gl_FragColor = vec4(c * light, 1.0);
        #include <colorspace_fragment>
      }`,
  });
}
