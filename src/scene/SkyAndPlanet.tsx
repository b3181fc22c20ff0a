import { useEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Color, Fog, ShaderMaterial, Vector3, type DirectionalLight, type HemisphereLight } from 'three';
import { Sky } from 'three/examples/jsm/objects/Sky.js';
import type { BackdropSystem } from './backdrop-system.ts';
import type { DayNightSystem } from './day-night-system.ts';

export const SUN_DIRECTION = new Vector3(0.45, 0.55, -0.7).normalize();
const HAZE = new Color('#b9c9d9');
const SUN_INTENSITY = 5.5;
const AMBIENT_INTENSITY = 3.2;
const EXPOSURE = 0.9;

/** Sky shader with sun, haze fog that ends before the streaming edge, and a banded gas giant. */
/** The day-night system moves the sun, dims the lights and tints the haze from the shared world's clock. */
export function SkyAndPlanet({ viewDistance, backdrop, dayNight }: { viewDistance: number; backdrop: BackdropSystem; dayNight: DayNightSystem }) {
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
  const fog = useMemo(() => {
    // The sky shader is HDR; at exposure 1 the sky around the sun burns out to white.
    gl.toneMappingExposure = EXPOSURE;
    const f = new Fog(HAZE.clone(), viewDistance * 0.35, viewDistance * 0.95);
    scene.fog = f;
    scene.background = f.color.clone();
    return f;
  }, [gl, scene, viewDistance]);
  const sun = useRef<DirectionalLight>(null);
  const ambient = useRef<HemisphereLight>(null);
  useEffect(() => {
    if (!sun.current || !ambient.current) return;
    dayNight.attach({
      sky, sun: sun.current, ambient: ambient.current, fog, background: scene.background as Color, gl,
      fixedSun: SUN_DIRECTION, sunIntensity: SUN_INTENSITY, ambientIntensity: AMBIENT_INTENSITY, exposure: EXPOSURE,
    });
    return () => dayNight.attach(null);
  }, [dayNight, sky, fog, scene, gl]);
  const giant = useMemo(() => gasGiantMaterial(), []);
  return (
    <>
      <group ref={backdrop.attach}>
        <primitive object={sky} />
        <mesh position={[-1800, 900, -2600]} rotation={[0.35, 0, 0.25]} material={giant}>
          <sphereGeometry args={[520, 48, 32]} />
        </mesh>
      </group>
      <directionalLight ref={sun} position={SUN_DIRECTION.clone().multiplyScalar(100)} intensity={SUN_INTENSITY} color="#fff3e0" />
      <hemisphereLight ref={ambient} args={['#c4dcff', '#6a5a48', AMBIENT_INTENSITY]} />
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
